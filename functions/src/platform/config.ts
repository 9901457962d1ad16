/** Configuration of a function, read once from its environment. */
export interface FunctionConfig {
  stage: string;
  tableName: string;
  /** Only set in the local stage (DynamoDB Local); empty means the real AWS endpoint. */
  dynamodbEndpoint: string | undefined;
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
  };
  return cached;
}
