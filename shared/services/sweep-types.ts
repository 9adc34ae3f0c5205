/** What one run of the trial sweep did; logged by the scheduled function and printed by `npm run sweep`. */
export interface SweepStats {
  /** The moment the sweep acted as if it were. */
  at: string;
  /** Trial-index entries examined (expired or due for a reminder). */
  examined: number;
  /** Organizations whose trial ended in this run. */
  expiredOrganizations: number;
  /** Workspaces disabled in this run. */
  disabledWorkspaces: number;
  /** Reminder emails sent (3 days before the end). */
  remindersSent: number;
  /** "Your trial has ended" emails sent. */
  endNoticesSent: number;
  /** Deleted organizations whose interrupted purge this run finished. */
  purgesFinished: number;
  /** DynamoDB Queries made on the trial index, and the items they read. */
  indexQueries: number;
  indexItemsRead: number;
}
