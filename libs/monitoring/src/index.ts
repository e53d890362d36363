export { MonitoringModule } from './lib/monitoring.module';
export { ActivityReport } from './lib/activity-report.model';
export { ActivityPeriodUnit, ActivityScopeKind } from './lib/activity-report.enums';
