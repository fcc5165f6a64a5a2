// Which statements skip the write path: only pure reads; anything else, or anything unclear, is a write.
import { describe, expect, it } from "vitest";
import { isReadStatement } from "../../db/statement-kind";

const reads = [
  "select 1",
  "SELECT * FROM users WHERE id = ?",
  "  \n\tselect 1;",
  "-- a comment\nselect 1",
  "/* a comment */ select 1",
  "select 'delete from t; insert into t values (1)'",
  "select \"insert\" from t",
  "select (select count(*) from t) as n",
  "explain select 1",
  "EXPLAIN QUERY PLAN select * from t",
  "explain insert into t values (1)",
  "with x as (select 1) select * from x",
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n",
  "with a as (select 1), b(v) as materialized (select 2) select * from a, b",
  "with a as not materialized (select ')' as p) select * from a",
  "with \"quoted name\" as (select 1) select * from \"quoted name\"",
  "with [x] as (select 'it''s') select * from [x]",
];

const writes = [
  "insert into t values (1)",
  "UPDATE t SET a = 1",
  "delete from t",
  "replace into t values (1)",
  "with x as (select 1) insert into t select * from x",
  "WITH x AS (SELECT 1) UPDATE t SET a = (SELECT * FROM x)",
  "with x as (select 1) delete from t where a in (select * from x)",
  "with recursive n(i) as (select 1 union all select i + 1 from n where i < 5) insert into t select i from n",
  "with a as (select 1), b as (select 2) replace into t select * from a",
  "with x as (select ')') insert into t select * from x",
  "with x as (select 1 /* ) select */) insert into t select * from x",
  "with x as (select 1 -- ) select\n) insert into t select * from x",
  "PRAGMA journal_mode = WAL",
  "pragma user_version = 3",
  "pragma table_info(users)", // reads, but a PRAGMA is not known to be one
  "create table t (a)",
  "drop table t",
  "alter table t add column b",
  "begin immediate",
  "commit",
  "vacuum",
  "attach database 'x.db' as x",
  "select 1; delete from t",
  "select 1; select 2",
  "values (1)",
  "(select 1)",
  "",
  "   ",
  "-- only a comment",
  "select 'unterminated",
  "select (1",
  "select 1)",
  "with x as (select 1)",
  "with x select 1",
  "with as (select 1) select 1",
  "with x as select 1",
];

describe("the statement classifier", () => {
  it.each(reads)("takes %j for a read", (sql) => expect(isReadStatement(sql)).toBe(true));
  it.each(writes)("sends %j down the write path", (sql) => expect(isReadStatement(sql)).toBe(false));
});
