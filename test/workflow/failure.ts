import { WorkflowError } from "../../src/excel-io/types";

/** The WorkflowError a job rejects with; anything else (or no failure) fails the test. */
export async function failure(p: Promise<unknown>): Promise<WorkflowError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
  throw new Error("the job did not fail");
}
