// The one import of the database layer in the UI.
export type { OpenedStorage, StorageMode, StorageReason, StorageStatus } from '../db/storage/open-storage'
export { openStorage } from '../db/storage/open-storage'
export type { StorageUsage } from '../db/storage/persisted-set'
export { PersistedSet } from '../db/storage/persisted-set'
export { MemoryStore } from '../db/storage/ticket-store'
export type { StoredEntry, StoredManifest, StoredSource } from '../db/storage/ticket-store'
export type { Inspection, KeepImported, LoadProgress, PendingFile, RestartInfo, StorableLater, WallBackend } from '../db/wall-backend'
export { createWallBackend } from '../db/wall-backend'
