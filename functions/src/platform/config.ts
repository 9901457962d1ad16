/** Configuration of a function, read once from its environment. */
export interface FunctionConfig {
  stage: string;
  tableName: string;
  /** Only set in the local stage (DynamoDB Local); empty means the real AWS endpoint. */
  dynamodbEndpoint: string | undefined;
  /** Only set in the local stage (s3rver). */
  s3Endpoint: string | undefined;
  materialsBucket: string;
  /** KMS key for personal data (AWS stages). */
  kmsKeyId: string | undefined;
  /** Base64 master key for personal data, local stage only. */
  localDataKey: string | undefined;
  draftTtlDays: number;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

let cached: FunctionConfig | undefined;

export function config(): FunctionConfig {
  cached ??= {
    stage: required('STAGE'),
    tableName: required('TABLE_NAME'),
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
    s3Endpoint: process.env.S3_ENDPOINT || undefined,
    materialsBucket: process.env.MATERIALS_BUCKET ?? '',
    kmsKeyId: process.env.KMS_KEY_ID || undefined,
    localDataKey: process.env.LOCAL_DATA_KEY || undefined,
    draftTtlDays: Number(process.env.DRAFT_TTL_DAYS || 30),
  };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetConfig(): void {
  cached = undefined;
}
