export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  contentType: string;
}

/** A thin fetch wrapper: what a finance system or a manager's tool does over HTTP. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string | undefined): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get<T = any>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('GET', path, undefined, headers);
  }

  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('POST', path, body, headers);
  }

  patch<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('PATCH', path, body, headers);
  }

  put<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('PUT', path, body, headers);
  }

  delete<T = any>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('DELETE', path, undefined, headers);
  }

  async request<T>(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<ApiResponse<T>> {
    const allHeaders: Record<string, string> = { ...headers };
    if (this.token) allHeaders.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      allHeaders['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers: allHeaders, body: payload });
    const contentType = response.headers.get('content-type') ?? '';
    // Documents (a letter's PDF) arrive as bytes.
    if (contentType.startsWith('application/pdf')) {
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) as T, headers: response.headers, contentType };
    }
    const text = await response.text();
    const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers, contentType };
  }
}
