export * from './temporal.module';
export * from './complaint.gateway';
export * from './workflow-rejection';
export * from './workflow-bundle';
