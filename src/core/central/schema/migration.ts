/** One step of the central schema: versions 1, 2, 3, … like the kiosk's own migrations. */
export interface CentralMigration {
  version: number;
  name: string;
  sql: string;
}
