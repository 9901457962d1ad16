import { triggerMatches, uploadTriggersFromServerless } from './s3-events';

const printed = {
  service: 'ah-tourism',
  functions: { inspectUpload: { handler: 'x.handler' }, other: { handler: 'y.handler' } },
  resources: {
    Resources: {
      MaterialsBucket: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketName: 'ah-tourism-local-materials',
          NotificationConfiguration: {
            LambdaConfigurations: [
              { Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['InspectUploadLambdaFunction', 'Arn'] }, Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'materials/' }] } } },
            ],
          },
        },
      },
    },
  },
};
const record = (eventName: string, key: string, bucket = 'ah-tourism-local-materials') => ({ eventName, s3: { bucket: { name: bucket }, object: { key } } });

describe('S3 notifications offline', () => {
  const [trigger] = uploadTriggersFromServerless(printed, 'local');

  it('reads the function and filter of the bucket notification from serverless print', () => {
    expect(uploadTriggersFromServerless(printed, 'local')).toEqual([
      { functionName: 'ah-tourism-local-inspectUpload', bucketName: 'ah-tourism-local-materials', event: 's3:ObjectCreated:*', prefix: 'materials/', suffix: '' },
    ]);
  });

  it('forwards created objects under the prefix only', () => {
    expect(triggerMatches(trigger!, record('ObjectCreated:Post', 'materials/u/a.pdf'))).toBe(true);
    expect(triggerMatches(trigger!, record('ObjectCreated:Put', 'materials/u/a+b.pdf'))).toBe(true);
    expect(triggerMatches(trigger!, record('ObjectRemoved:Delete', 'materials/u/a.pdf'))).toBe(false);
    expect(triggerMatches(trigger!, record('ObjectCreated:Post', 'exports/a.pdf'))).toBe(false);
    expect(triggerMatches(trigger!, record('ObjectCreated:Post', 'materials/u/a.pdf', 'another-bucket'))).toBe(false);
  });
});
