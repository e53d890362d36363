import { Module, type OnModuleInit } from '@nestjs/common';
import { AccessDirectory, NodeRegistry } from '@bottega/core';
import { TerritoriesModule } from '@bottega/territories';
import { PracticeContent } from './practice-content';
import { PracticeReviewService } from './practice-review.service';
import { PracticeAccess } from './practice.access';
import { PRACTICE_PRINCIPALS } from './practice.audience';
import { PracticeLoaders } from './practice.loaders';
import { Practice } from './practice.model';
import { PracticeRepository } from './practice.repository';
import { PracticeResolver } from './practice.resolver';
import { PracticeService } from './practice.service';

/** Practices and stories: structured records of what worked, written, reviewed and published. */
@Module({
  imports: [TerritoriesModule],
  providers: [PracticeRepository, PracticeLoaders, PracticeAccess, PracticeService, PracticeReviewService, PracticeResolver, PracticeContent],
  exports: [PracticeLoaders, PracticeAccess],
})
export class PracticesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly directory: AccessDirectory,
    private readonly access: PracticeAccess,
    private readonly content: PracticeContent,
  ) {}

  onModuleInit(): void {
    this.directory.register(PRACTICE_PRINCIPALS);
    this.content.register();
    // A practice is visible to its audience (see practice.audience.ts).
    this.nodes.register('Practice', Practice, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const found = await this.access.load(context, id);
          return found && Practice.from(found.practice);
        }),
      ),
    );
  }
}
