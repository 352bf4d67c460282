/**
 * A request executor for Microsoft's Office.js runtime (`@microsoft/office-js`)
 * with no Excel behind it. Office.js builds each `context.sync()` request
 * itself; this executor stands where Office.js would hand the request to the
 * host: it serialises the body exactly as Office.js does
 * (`RichApiMessageUtility.buildMessageArrayForIRequestExecutor`), measures it,
 * refuses it over Excel on the web's 5 MB as that host does, and otherwise
 * carries the request out on the simulated host (its object paths and actions
 * replayed as calls on the simulator) and answers its queries in the shape
 * Excel answers them, refusing answers over 5 MB as well. Sizes therefore come from the real serialiser, and
 * behaviour from the simulator.
 */
import { type ExcelSim, SimError } from '../sim/excel-sim';

/** What Office.js hands an executor (the parts this one reads). */
interface RichApiRequest {
  Actions: RichApiAction[];
  ObjectPaths: Record<string, RichApiObjectPath>;
}

interface RichApiArguments {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

interface RichApiObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: RichApiArguments;
}

interface RichApiAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: RichApiArguments;
  QueryInfo?: { Select?: string[] };
}

export interface RichApiResponse {
  HttpStatusCode: number;
  ErrorCode: string;
  ErrorMessage: string;
  Headers: Record<string, string> | null;
  Body: unknown;
}

/** One request as it would leave for Excel. */
export interface SentRequest {
  /** UTF-8 bytes of the request body Office.js serialised. */
  bytes: number;
  /** UTF-8 bytes of the answer's body as Excel shapes it (0 when refused). */
  responseBytes: number;
  /** The actions' kinds and names in order, e.g. "SetProperty NumberFormat", so tests can check what was sent before what. */
  actions: string[];
  /** The body itself, kept only when asked for (tests of what exactly was sent). */
  body?: RichApiRequest;
}

/** Excel on the web refuses larger requests and responses (Microsoft's "resource limits"). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Office.js's codes for those refusals (RichApiMessageUtility.OfficeJsErrorCode_ooe…PayloadSizeLimitExceeded). */
const REQUEST_PAYLOAD_SIZE_LIMIT_EXCEEDED = 5103;
const RESPONSE_PAYLOAD_SIZE_LIMIT_EXCEEDED = 5104;

/** Where RichApiMessageUtility.buildRequestMessageSafeArray puts the body text. */
const BODY_INDEX = 4;
const OBJECT_PATH = { global: 1, method: 3, property: 4, indexer: 5 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
const ACTION_NAMES: Record<number, string> = { 1: 'Instantiate', 2: 'Query', 3: 'Method', 4: 'SetProperty' };

/** The part of Office.js this module calls (the page's global `OfficeExtension`). */
export interface OfficeExtensionGlobal {
  RichApiMessageUtility: {
    buildMessageArrayForIRequestExecutor(customData: unknown, flags: number, message: { Body: unknown; Headers: unknown; Url: string }, sourceLib: string): unknown[];
    buildResponseOnError(code: number, message: string): RichApiResponse;
  };
}

type Loose = Record<string, unknown> & ((...args: unknown[]) => unknown);

/** Calls a method of a simulator object by its Office.js name; a clear failure when the simulator lacks it. */
function call(object: Loose | undefined, name: string, args: unknown[]): unknown {
  const method = object?.[name];
  if (typeof method !== 'function') throw new Error(`The simulated host has no ${name}() on ${object?.constructor?.name ?? 'nothing'}.`);
  return (method as Loose).apply(object, args);
}

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Carries out one request's object paths and actions on the simulator; the query results in Excel's shape. */
async function replay(sim: ExcelSim, request: RichApiRequest): Promise<{ ActionId: number; Value: unknown }[]> {
  const context = sim.context();
  const root = {
    worksheets: context.workbook.worksheets,
    tables: context.workbook.tables,
    settings: context.workbook.settings,
    protection: context.workbook.protection,
    properties: context.workbook.properties,
    application: context.application,
  };
  const objects = new Map<number, Loose>();

  const argumentsOf = (info: RichApiArguments | undefined): unknown[] =>
    (info?.Arguments ?? []).map((value, i) => {
      const referenced = info?.ReferencedObjectPathIds?.[i];
      return referenced ? objectAt(referenced) : value;
    });

  function objectAt(id: number): Loose {
    const known = objects.get(id);
    if (known) return known;
    const path = request.ObjectPaths[String(id)];
    if (!path) throw new Error(`The request names object path ${id} but does not define it.`);
    const parent = path.ParentObjectPathId === undefined ? undefined : objectAt(path.ParentObjectPathId);
    let object: unknown;
    if (path.ObjectPathType === OBJECT_PATH.global) object = root;
    else if (path.ObjectPathType === OBJECT_PATH.property) object = parent?.[camel(path.Name)];
    else if (path.ObjectPathType === OBJECT_PATH.method) object = call(parent, camel(path.Name), argumentsOf(path.ArgumentInfo));
    else if (path.ObjectPathType === OBJECT_PATH.indexer) object = call(parent, 'getItem', argumentsOf(path.ArgumentInfo));
    // A method whose result the adapter never uses (the PageBreak horizontalPageBreaks.add returns) gives nothing to replay on.
    if (object === undefined && path.ObjectPathType === OBJECT_PATH.method) object = {};
    if (object === undefined) throw new Error(`The simulated host has no ${path.Name} (object path type ${path.ObjectPathType}).`);
    objects.set(id, object as Loose);
    return object as Loose;
  }

  const queries: { action: RichApiAction; object: Loose; properties: string[] }[] = [];
  for (const action of request.Actions) {
    const object = objectAt(action.ObjectPathId);
    if (action.ActionType === ACTION.setProperty) {
      object[camel(action.Name)] = argumentsOf(action.ArgumentInfo)[0];
    } else if (action.ActionType === ACTION.method && !action.Name.startsWith('_')) {
      // Names starting "_" are Office.js's own checks (e.g. _ValidateArraySize); the simulator checks array shapes itself.
      call(object, camel(action.Name), argumentsOf(action.ArgumentInfo));
    } else if (action.ActionType === ACTION.query) {
      const properties = action.QueryInfo?.Select ?? [];
      const isCollection = 'items' in object;
      call(object, 'load', [properties.map((p) => (isCollection ? `items/${p}` : p))]);
      queries.push({ action, object, properties });
    }
  }
  await context.sync();

  const shape = (object: Loose, properties: string[], id?: string) =>
    Object.fromEntries([...(id === undefined ? [] : [['Id', id]]), ...properties.map((p) => [pascal(p), object[p]])]);
  return queries.map(({ action, object, properties }) => {
    if ('items' in object) {
      // Each item carries its name as its id, so Office.js addresses it by getItem(name) afterwards.
      const items = (object.items as Loose[]).map((item) => shape(item, properties, (item.name ?? item.key) as string));
      return { ActionId: action.Id, Value: { _Items: items } };
    }
    return { ActionId: action.Id, Value: object.isNullObject ? null : shape(object, properties) };
  });
}

function errorResponse(error: SimError): RichApiResponse {
  return { HttpStatusCode: 400, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: { Error: { Code: error.code, Message: error.message, HttpStatusCode: 400 } } };
}

/** The executor to put on a request context (`context._requestExecutor`), and what it has sent. */
export class ReplayExecutor {
  readonly sent: SentRequest[] = [];

  constructor(private readonly office: OfficeExtensionGlobal, private readonly sim: ExcelSim, private readonly keepBodies = false) {}

  async executeAsync(customData: unknown, flags: number, message: { Body: RichApiRequest; Headers: unknown; Url: string }): Promise<RichApiResponse> {
    // What OfficeJsRequestExecutor posts to the host: [customData, method, path, headers, body text, …].
    const envelope = this.office.RichApiMessageUtility.buildMessageArrayForIRequestExecutor(customData, flags, message, 'officejs');
    const bodyText = envelope[BODY_INDEX] as string;
    const bytes = new TextEncoder().encode(bodyText).length;
    const body = JSON.parse(bodyText) as RichApiRequest;
    const sent: SentRequest = { bytes, responseBytes: 0, actions: body.Actions.map((a) => `${ACTION_NAMES[a.ActionType] ?? a.ActionType} ${a.Name}`.trim()), ...(this.keepBodies ? { body } : {}) };
    this.sent.push(sent);
    if (bytes > WEB_PAYLOAD_LIMIT_BYTES) {
      return this.office.RichApiMessageUtility.buildResponseOnError(REQUEST_PAYLOAD_SIZE_LIMIT_EXCEEDED, `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    try {
      const answer = { Results: await replay(this.sim, body) };
      const responseBytes = new TextEncoder().encode(JSON.stringify(answer)).length;
      if (responseBytes > WEB_PAYLOAD_LIMIT_BYTES) {
        return this.office.RichApiMessageUtility.buildResponseOnError(RESPONSE_PAYLOAD_SIZE_LIMIT_EXCEEDED, `The response payload size has exceeded the limit (${responseBytes} bytes).`);
      }
      sent.responseBytes = responseBytes;
      return { HttpStatusCode: 200, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: answer };
    } catch (error) {
      if (error instanceof SimError) return errorResponse(error);
      throw error;
    }
  }
}
