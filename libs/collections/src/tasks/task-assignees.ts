import { EntityManager } from 'typeorm';

/** The head of sales who takes the tasks of clients nobody manages (the first by id), or null. */
export async function headOfSalesId(manager: EntityManager): Promise<string | null> {
  const rows: { id: string }[] = await manager.query(`SELECT id FROM contracts.user_directory_v1 WHERE role = 'head_of_sales' ORDER BY id LIMIT 1`);
  return rows[0]?.id ?? null;
}

/**
 * Gives each client's open and snoozed tasks to its assignee (client id → assignee id), rewriting only the
 * tasks whose assignee changes. Open tasks follow their client: to a new manager, to the deputy while the
 * manager is away, and back.
 */
export async function reassignOpenTasks(manager: EntityManager, assignees: ReadonlyMap<string, string | null>): Promise<number> {
  if (assignees.size === 0) return 0;
  const [, changed]: [unknown, number] = await manager.query(
    `UPDATE collections.tasks t SET assignee_id = x.assignee_id, updated_at = now()
     FROM unnest($1::uuid[], $2::uuid[]) AS x(client_id, assignee_id)
     WHERE t.client_id = x.client_id AND t.status IN ('open', 'snoozed') AND t.assignee_id IS DISTINCT FROM x.assignee_id`,
    [[...assignees.keys()], [...assignees.values()]],
  );
  return changed;
}
