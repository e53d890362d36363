/** The rows of an `UPDATE … RETURNING` (or `DELETE … RETURNING`), which the driver answers as [rows, count]. */
export const updatedRows = <T>(result: [T[], number]): T[] => result[0];
