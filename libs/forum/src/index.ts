export { ForumModule } from './lib/forum.module';
export type { ForumOptions } from './lib/forum.options';
export { seedDemoForum } from './seed/demo-forum';
