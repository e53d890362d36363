import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditLog } from './audit-log';
import { AuditLogResolver } from './audit-log.resolver';

/** The shared audit log: `AuditLog` for writers in every feature, `auditLog` for staff. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditLog, AuditLogResolver],
  exports: [AuditLog],
})
export class AuditModule {}
