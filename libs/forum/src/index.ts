export { ForumModule } from './lib/forum.module';
export { seedDemoForum } from './seed/demo-forum';
