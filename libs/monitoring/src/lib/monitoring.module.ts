import { Module } from '@nestjs/common';
import { TerritoriesModule } from '@bottega/territories';
import { ActivityReportController } from './activity-report.controller';
import { ActivityReportRepository } from './activity-report.repository';
import { ActivityReportResolver } from './activity-report.resolver';
import { ActivityReportService } from './activity-report.service';
import { ActivityScopeService } from './activity-scope.service';

/**
 * Activity figures for coordinators: the `activityReport` query and its CSV
 * export. The figures come from the contributors features register with the
 * core's `ActivityRegistry`; other libraries are read only through their
 * public API (loaders, the territories' "within" condition).
 */
@Module({
  imports: [TerritoriesModule],
  controllers: [ActivityReportController],
  providers: [ActivityReportRepository, ActivityScopeService, ActivityReportService, ActivityReportResolver],
})
export class MonitoringModule {}
