// A CRUD workload with a transaction through the Data API, using the AWS SDK for JavaScript v3 unmodified:
// only the endpoint points at the Slipway data proxy. Usage: node crud.mjs ENDPOINT DATABASE ENGINE
import {
  RDSDataClient, ExecuteStatementCommand, BeginTransactionCommand, CommitTransactionCommand,
  RollbackTransactionCommand, BatchExecuteStatementCommand,
} from "@aws-sdk/client-rds-data";

const [endpoint, database, engine] = process.argv.slice(2);
const client = new RDSDataClient({
  endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" },
});
const arns = {
  resourceArn: "arn:aws:rds:us-east-1:123456789012:cluster:js",
  secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:js-AbCdEf",
  database,
};
const run = (sql, parameters = [], extra = {}) =>
  client.send(new ExecuteStatementCommand({ ...arns, sql, parameters, ...extra }));

await run(engine === "postgresql"
  ? "create table book (id bigint primary key, title varchar(100) not null, price numeric(6, 2), added timestamptz)"
  : "create table book (id bigint primary key, title varchar(100) not null, price decimal(6, 2), added datetime(6))");
await client.send(new BatchExecuteStatementCommand({
  ...arns,
  sql: "insert into book (id, title, price, added) values (:id, :title, :price, :added)",
  parameterSets: [1, 2, 3].map((id) => [
    { name: "id", value: { longValue: id } },
    { name: "title", value: { stringValue: `Book ${id}` } },
    { name: "price", value: { stringValue: `${id}9.50` }, typeHint: "DECIMAL" },
    { name: "added", value: { stringValue: "2040-01-02 03:04:05.123" }, typeHint: "TIMESTAMP" },
  ]),
}));
await run("update book set title = :t where id = :id",
  [{ name: "t", value: { stringValue: "Renamed" } }, { name: "id", value: { longValue: 2 } }]);

const { transactionId } = await client.send(new BeginTransactionCommand(arns));
await run("delete from book where id = 3", [], { transactionId });
await client.send(new RollbackTransactionCommand({ ...arns, transactionId }));
const tx2 = (await client.send(new BeginTransactionCommand(arns))).transactionId;
await run("delete from book where id = 1", [], { transactionId: tx2 });
await client.send(new CommitTransactionCommand({ ...arns, transactionId: tx2 }));

const result = await run("select id, title, price, added from book order by id", [], { formatRecordsAs: "JSON" });
console.log(result.formattedRecords);
