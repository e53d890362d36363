import { Injectable } from '@nestjs/common';
import { BadInputError, NotFoundError, type RequestContext } from '@bottega/core';
import { ProjectLoaders, TerritoryLoaders } from '@bottega/territories';
import { PracticeAccess } from './practice.access';
import { canReadVersions } from './practice.policy';
import { PracticeRepository, contentOf, type PracticeRow, type PracticeVersionContent } from './practice.repository';
import { diffContents, type FieldChange } from './practice-diff';

/** Field-by-field differences between two versions of a practice, for those who read its history. */
@Injectable()
export class PracticeDiffService {
  constructor(
    private readonly practices: PracticeRepository,
    private readonly access: PracticeAccess,
    private readonly territories: TerritoryLoaders,
    private readonly projects: ProjectLoaders,
  ) {}

  /**
   * What changed from version `from` to version `to` (either may be the
   * current one, or one `versions` lists); null unless the viewer reads the
   * practice's history, as `versions`. A version the practice does not have
   * is NOT_FOUND, a number below 1 BAD_USER_INPUT.
   */
  async diff(practiceId: string, versions: { from: number; to: number }, context: RequestContext): Promise<FieldChange[] | null> {
    const found = await this.access.load(context, practiceId);
    if (!found || !canReadVersions(found.principals, found.practice)) return null;
    for (const [name, version] of Object.entries(versions)) {
      if (version < 1) throw new BadInputError('Versions are numbered from 1.', [name]);
    }
    const contents = await this.contents(found.practice, [versions.from, versions.to]);
    const [before, after] = [versions.from, versions.to].map((version) => {
      const content = contents.get(version);
      if (!content) throw new NotFoundError(`Version ${version} of this practice`);
      return content;
    }) as [PracticeVersionContent, PracticeVersionContent];
    return diffContents(before, after, await this.labels([before, after], context));
  }

  /** The current content and the kept versions among `versions`, by number. */
  private async contents(practice: PracticeRow, versions: number[]): Promise<Map<number, PracticeVersionContent>> {
    const kept = versions.filter((version) => version !== practice.version);
    const rows = kept.length > 0 ? await this.practices.versionsAmong(practice.id, kept) : [];
    return new Map<number, PracticeVersionContent>([...rows.map((row) => [row.version, row.content] as const), [practice.version, contentOf(practice)]]);
  }

  /** Names of the territories and titles of the projects both versions name (an id no longer found reads as itself). */
  private async labels(contents: PracticeVersionContent[], context: RequestContext) {
    const territoryIds = [...new Set(contents.flatMap((content) => content.territoryIds ?? []))];
    const projectIds = [...new Set(contents.flatMap((content) => (content.projectId ? [content.projectId] : [])))];
    const [territories, projects] = await Promise.all([
      context.loaders.get(this.territories.byId).loadMany(territoryIds),
      context.loaders.get(this.projects.byId).loadMany(projectIds),
    ]);
    const territoryNames = new Map(territories.flatMap((t) => (t && !(t instanceof Error) ? [[t.id, `${t.name} (${t.code})`] as const] : [])));
    const projectTitles = new Map(projects.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p.title] as const] : [])));
    return {
      territory: (id: string) => territoryNames.get(id) ?? id,
      project: (id: string) => projectTitles.get(id) ?? id,
    };
  }
}
