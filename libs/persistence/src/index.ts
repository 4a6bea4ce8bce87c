export * from './entities/case.entity';
export * from './entities/task.entity';
export * from './data-source';
export * from './repositories/cases.repository';
export * from './repositories/tasks.repository';
export * from './tokens';
