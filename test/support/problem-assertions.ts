import { ApiResponse } from './http-client';

/** Asserts an RFC 9457 problem response with the given status. */
export function expectProblem(response: ApiResponse, status: number): void {
  expect({ status: response.status, contentType: response.contentType }).toEqual({
    status,
    contentType: expect.stringContaining('application/problem+json'),
  });
  expect(response.body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }),
  );
  expect(JSON.stringify(response.body)).not.toMatch(/at .+\.(ts|js):\d+/);
}
