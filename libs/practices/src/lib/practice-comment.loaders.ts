import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import { PracticeCommentRepository, type PracticeCommentRow } from './practice-comment.repository';

@Injectable()
export class PracticeCommentLoaders {
  readonly byId: LoaderFactory<string, PracticeCommentRow | null>;

  constructor(comments: PracticeCommentRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await comments.findByIds(ids), (c) => c.id));
  }
}
