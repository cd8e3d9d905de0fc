// Writing cleanup results: all-or-nothing replacement of files, and the project lock.
export { writeAllOrNothing, WriteError, type PlannedWrite, type WriteFs, type WriteOptions } from './atomic';
export { acquireLock, LockError, LOCK_FILE, type Lock } from './lock';
