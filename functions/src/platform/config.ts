/** Configuration of a function, read once from its environment. */
export interface FunctionConfig {
  stage: string;
  tableName: string;
  /** Only set in the local stage (DynamoDB Local); empty means the real AWS endpoint. */
  dynamodbEndpoint: string | undefined;
  /** Only set in the local stage (s3rver). */
  s3Endpoint: string | undefined;
  materialsBucket: string;
  /** Only set in the local stage (serverless offline's Lambda invoke endpoint). */
  lambdaEndpoint: string | undefined;
  /** The full name of the function that inspects uploads, for submission to ask it directly. */
  inspectUploadFunction: string;
  /** The write-once bucket of audit anchors (cases/audit-anchors.ts). */
  auditAnchorBucket: string;
  /** KMS key for personal data (AWS stages). */
  kmsKeyId: string | undefined;
  /** Base64 master key for personal data, local stage only. */
  localDataKey: string | undefined;
  draftTtlDays: number;
  /** SSM parameter path holding this stage's secrets, e.g. /ah-tourism/prod/ (AWS stages). */
  parameterPrefix: string;
  /** Base64url private JWK for session tokens, local stage only (AWS: SSM). */
  localSessionKey: string | undefined;
  /** JSON {keyId, privateKey} of the licence signing key, local stage only, generated per machine (AWS: SSM SecureString). */
  localLicenceSigningKey: string | undefined;
  /** JSON [{keyId, publicKey}] of every licence key ever used, local stage only (AWS: SSM String). */
  localLicencePublicKeys: string | undefined;
  /** Public registry requests (旅行社名录, 导游名录) per source address per minute. */
  publicRegistryPerMinute: number;
  /** Catalog searches and suggestions per source address and minute. */
  catalogSearchPerMinute: number;
  /** Public guide-file download links per source address per minute. */
  guideFileLinksPerMinute: number;
  feedback: {
    /** Working days an organisation has to call back and answer a bad review (好差评: configurable, 5). */
    rectificationWorkingDays: number;
    /** Working days to answer a consultation. */
    consultationWorkingDays: number;
    /** Evaluation is also open from acceptance, not only once the case is finished. */
    evaluateFromAcceptance: boolean;
    /** Public progress queries per source address per minute. */
    publicQueryPerMinute: number;
    /** Every public query answers no sooner than this, so a miss and a mismatch take the same time. */
    publicQueryFloorMs: number;
    /** Failed public queries of one case number (from any address) before it is locked for the window. */
    publicQueryFailuresPerCase: number;
    /** How long a case number's failure window lasts (minutes), and so the lock. */
    publicQueryCaseWindowMinutes: number;
  };
  /** The provincial unified identity service (auth/portal-identity.ts); no issuer: portal sign-in unavailable. */
  portal: {
    issuer: string;
    clientId: string;
    localClientSecret: string | undefined;
  };
  /** The provincial e-licence service (licences/provincial-licences.ts); no base URL: not called. */
  licenceService: {
    baseUrl: string;
    appId: string;
    /** The app secret, local stage only (AWS: SSM SecureString `<prefix>licence-service-secret`). */
    localAppSecret: string | undefined;
  };
  /** The signed open API (auth/app-keys.ts): app secrets derive from this master secret. */
  openApi: {
    /** The master secret, local stage only (AWS: SSM SecureString `<prefix>open-api-master-secret`). */
    localMasterSecret: string | undefined;
  };
  /** The provincial platform's receiving API for upward reports (reports/platform-client.ts); no base URL: nothing is sent. */
  portalReports: {
    baseUrl: string;
    appId: string;
    /** The app secret, local stage only (AWS: SSM SecureString `<prefix>portal-report-secret`). */
    localAppSecret: string | undefined;
  };
  wechat: {
    apiBase: string;
    appId: string;
    /** The app secret, local stage only (AWS: SSM SecureString `<prefix>wechat-app-secret`). */
    localAppSecret: string | undefined;
    /** subscribe/send's miniprogram_state: developer | trial | formal. */
    miniprogramState: string;
    /** JSON object: template key → template id from the WeChat admin console. */
    templateIds: Record<string, string>;
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

function parseJsonObject(name: string): Record<string, string> {
  const raw = process.env[name];
  if (!raw) return {};
  const value: unknown = JSON.parse(raw);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${name} must be a JSON object`);
  return value as Record<string, string>;
}

let cached: FunctionConfig | undefined;

export function config(): FunctionConfig {
  cached ??= {
    stage: required('STAGE'),
    tableName: required('TABLE_NAME'),
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
    s3Endpoint: process.env.S3_ENDPOINT || undefined,
    materialsBucket: process.env.MATERIALS_BUCKET ?? '',
    lambdaEndpoint: process.env.LAMBDA_ENDPOINT || undefined,
    inspectUploadFunction: process.env.INSPECT_UPLOAD_FUNCTION ?? '',
    auditAnchorBucket: process.env.AUDIT_ANCHOR_BUCKET ?? '',
    kmsKeyId: process.env.KMS_KEY_ID || undefined,
    localDataKey: process.env.LOCAL_DATA_KEY || undefined,
    draftTtlDays: Number(process.env.DRAFT_TTL_DAYS || 30),
    parameterPrefix: process.env.PARAMETER_PREFIX ?? '',
    localSessionKey: process.env.LOCAL_SESSION_KEY || undefined,
    localLicenceSigningKey: process.env.LOCAL_LICENCE_SIGNING_KEY || undefined,
    localLicencePublicKeys: process.env.LOCAL_LICENCE_PUBLIC_KEYS || undefined,
    publicRegistryPerMinute: Number(process.env.PUBLIC_REGISTRY_PER_MINUTE || 60),
    catalogSearchPerMinute: Number(process.env.CATALOG_SEARCH_PER_MINUTE || 120),
    guideFileLinksPerMinute: Number(process.env.GUIDE_FILE_LINKS_PER_MINUTE || 60),
    feedback: {
      rectificationWorkingDays: Number(process.env.RECTIFICATION_WORKING_DAYS || 5),
      consultationWorkingDays: Number(process.env.CONSULTATION_WORKING_DAYS || 3),
      evaluateFromAcceptance: process.env.EVALUATE_FROM_ACCEPTANCE === 'true',
      publicQueryPerMinute: Number(process.env.PUBLIC_QUERY_PER_MINUTE || 30),
      publicQueryFloorMs: Number(process.env.PUBLIC_QUERY_FLOOR_MS || 400),
      publicQueryFailuresPerCase: Number(process.env.PUBLIC_QUERY_FAILURES_PER_CASE || 10),
      publicQueryCaseWindowMinutes: Number(process.env.PUBLIC_QUERY_CASE_WINDOW_MINUTES || 60),
    },
    portal: {
      issuer: (process.env.PORTAL_ISSUER ?? '').replace(/\/$/, ''),
      clientId: process.env.PORTAL_CLIENT_ID ?? '',
      localClientSecret: process.env.LOCAL_PORTAL_CLIENT_SECRET || undefined,
    },
    licenceService: {
      baseUrl: process.env.LICENCE_SERVICE_BASE ?? '',
      appId: process.env.LICENCE_SERVICE_APP_ID ?? '',
      localAppSecret: process.env.LOCAL_LICENCE_SERVICE_SECRET || undefined,
    },
    openApi: { localMasterSecret: process.env.LOCAL_OPEN_API_MASTER_SECRET || undefined },
    portalReports: {
      baseUrl: process.env.PORTAL_REPORT_BASE ?? '',
      appId: process.env.PORTAL_REPORT_APP_ID ?? '',
      localAppSecret: process.env.LOCAL_PORTAL_REPORT_SECRET || undefined,
    },
    wechat: {
      apiBase: (process.env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/$/, ''),
      appId: process.env.WECHAT_APP_ID ?? '',
      localAppSecret: process.env.LOCAL_WECHAT_APP_SECRET || undefined,
      miniprogramState: process.env.WECHAT_MINIPROGRAM_STATE || 'formal',
      templateIds: parseJsonObject('WECHAT_TEMPLATE_IDS'),
    },
  };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetConfig(): void {
  cached = undefined;
}
