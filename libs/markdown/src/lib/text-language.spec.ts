import { renderPostMarkdown } from './post-markdown';
import { languageOf } from './text-language';

describe('languageOf', () => {
  it('tells English from Italian', () => {
    expect(languageOf('In the Ossola we mapped them with the family doctors and the village shops: they know who has not been seen for days.')).toBe('en');
    expect(languageOf('La fondazione chiede per marzo il budget 2027 di tutti i living lab e un piano di raccolta fondi.')).toBe('it');
  });

  it('keeps Italian for what is too short or carries no words', () => {
    for (const text of ['', 'ok', '2027', 'Grazie!', '@luca-sala']) expect(languageOf(text)).toBe('it');
  });
});

describe('a rendered post', () => {
  const links = { mentionHref: (handle: string) => `/u/${handle}`, quoteHref: (id: string) => `/p/${id}` };

  it('is in the language of its own words, not of what it quotes or its code', () => {
    const reply = renderPostMarkdown(
      '> [quote:abc]\n> In the Ossola we mapped them with the family doctors and the village shops, who know everyone.\n\nGrazie, anche da noi il medico di base e la farmacia sono stati decisivi per trovare chi vive da solo.',
      links,
    );
    expect(reply.language).toBe('it');
    expect(renderPostMarkdown('We tried this with the parish and it worked well for the people living alone.', links).language).toBe('en');
  });
});
