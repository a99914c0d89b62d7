/** The cookie that carries a short-lived dashboard session, scoped to the dashboard's path. */
export const QUEUE_BOARD_COOKIE = 'ar_queue_board';
export const QUEUE_BOARD_PATH = '/queues';
/** How long a dashboard session lasts; the admin signs in again with their bearer token after it. */
export const QUEUE_BOARD_SESSION_SECONDS = 15 * 60;
