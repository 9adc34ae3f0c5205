import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableV2, type GlobalSecondaryIndexPropsV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE } from '#db/table.js';
import { STREAM_VIEW } from './integrations.js';

/**
 * The Tenancy table, built from `shared/db/table.ts` so the deployed table, the local
 * table and the repositories all read one definition of keys, indexes and TTL.
 */
export class Data extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    const globalSecondaryIndexes: GlobalSecondaryIndexPropsV2[] = Object.values(TABLE.indexes).map((index) => ({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      // Index queries return whole items, so repositories never need a second read.
      projectionType: ProjectionType.ALL,
    }));

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes,
      timeToLiveAttribute: TABLE.ttlAttribute,
      // Tenancy traffic is spiky and small; on-demand costs nothing when idle.
      billing: Billing.onDemand(),
      // The change feed's source (infra/constructs/integrations.ts).
      dynamoStream: STREAM_VIEW,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Customer data: neither a console click nor a stack deletion may drop it.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
