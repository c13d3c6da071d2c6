// The one import of the database layer in the UI.
export type { Inspection, LoadProgress, PendingFile, RestartInfo, WallBackend } from '../db/wall-backend'
export { createWallBackend } from '../db/wall-backend'
