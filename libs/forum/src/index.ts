export { ForumModule } from './lib/forum.module';
