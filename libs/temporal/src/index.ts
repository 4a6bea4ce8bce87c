export * from './temporal.module';
export * from './case.gateway';
export * from './workflow-rejection';
export * from './workflow-bundle';
export * from './case-history';
export * from './schedules';
