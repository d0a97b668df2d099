namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>
/// Query API answers as Neo4j documents them, copied verbatim from the manual (repository
/// neo4j/docs-query-api, modules/ROOT/pages/...) and, where the manual shows no body, built only from
/// documented pieces in the shape the server's source writes (repository neo4j/neo4j,
/// community/server/src/main/java/org/neo4j/server/queryapi/...). Asciidoc callouts (<c>// &lt;1&gt;</c>) are
/// not part of the JSON and are left out.
/// </summary>
internal static class Documented
{
    /// <summary>
    /// BEGIN without a statement: only the transaction. The transaction object is the one of
    /// transactions.adoc, "Create a transaction", example response; the server answers a begin without a
    /// statement with it alone (QueryController.beginTransaction → transactionInfoOnlyResponse;
    /// DriverResultSerializer.writeTxInfo). The affinity header is the one of the same example.
    /// </summary>
    public const string BeginTransactionOnly = """
        {
          "transaction": {
            "id": "lyU",
            "expires": "2024-10-22T15:48:29Z"
          }
        }
        """;

    /// <summary>transactions.adoc, "Create a transaction", example response header.</summary>
    public const string Affinity = "MTAuOC41Ljc6MTc0NzQ=";

    /// <summary>
    /// COMMIT without a statement: only the bookmarks (QueryController.executeStatement →
    /// bookmarksOnlyResponse; DriverResultSerializer.writeBookmarks). The bookmark is the one of
    /// bookmarks.adoc, example response.
    /// </summary>
    public const string CommitBookmarksOnly = """
        {
          "bookmarks": [
            "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"
          ]
        }
        """;

    /// <summary>typed-json.adoc, "Examples", example response (Typed JSON rows and bookmarks).</summary>
    public const string TypedResult = """
        {
          "data": {
            "fields": [
              "person",
              "name"
            ],
            "values": [
              [
                {
                  "$type": "Node",
                  "_value": {
                    "_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:2",
                    "_labels": [
                      "Person"
                    ],
                    "_properties": {
                      "name": {
                        "$type": "String",
                        "_value": "Phil"
                      }
                    }
                  }
                },
                {
                  "$type": "String",
                  "_value": "Phil"
                }
              ]
            ]
          },
          "bookmarks": [
            "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"
          ]
        }
        """;

    /// <summary>transactions.adoc, "Transaction expiration and keep alive": the error for an expired transaction.</summary>
    public const string TransactionNotFound = """
        {
          "errors": [ {
            "code": "Neo.ClientError.Request.Invalid",
            "message": "Transaction with Id: \"lyU\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."
          } ]
        }
        """;

    /// <summary>
    /// A 202 whose statement failed after its rows began: <c>data</c>, then <c>errors</c>
    /// (DriverResultSerializer.write closes "data" and appends "errors" when the result or the commit
    /// fails while it is written). The data is typed-json.adoc's example; the error is the documented
    /// expired-transaction error above.
    /// </summary>
    public const string DataThenErrors = """
        {
          "data": {
            "fields": [
              "person",
              "name"
            ],
            "values": [
              [
                {
                  "$type": "String",
                  "_value": "Phil"
                },
                {
                  "$type": "String",
                  "_value": "Phil"
                }
              ]
            ]
          },
          "errors": [ {
            "code": "Neo.ClientError.Request.Invalid",
            "message": "Transaction with Id: \"lyU\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."
          } ]
        }
        """;

    /// <summary>authentication-authorization.adoc, "Incorrect authentication", example response (HTTP 401).</summary>
    public const string Unauthorized = """
        {
          "errors" : [ {
            "code" : "Neo.ClientError.Security.Unauthorized",
            "message" : "Invalid username or password."
          } ]
        }
        """;

    /// <summary>
    /// A request to a database that does not exist. The manual shows no such answer: the code is
    /// Status.Database.DatabaseNotFound, the status 404 is what Neo4jExceptionMapper gives a
    /// FatalDiscoveryException, and the body has the documented error shape. The message is illustrative.
    /// </summary>
    public const string DatabaseNotFound = """
        {
          "errors": [ {
            "code": "Neo.ClientError.Database.DatabaseNotFound",
            "message": "Database does not exist. Database name: 'kg'."
          } ]
        }
        """;

    /// <summary>profile-query.adoc, "The EXPLAIN keyword", example response (an EXPLAIN answers with queryPlan and no rows).</summary>
    public const string ExplainResponse = """
        {
          "data": {
            "fields": [
              "n.name"
            ],
            "values": []
          },
          "queryPlan": {
            "operatorType": "ProduceResults@neo4j",
            "arguments": {
              "planner-impl": "IDP",
              "string-representation": "Cypher 5\n\nPlanner COST\n\nRuntime PIPELINED\n\nRuntime version 2025.10\n\nBatch size 128\n\n+------------------+----+---------------------------+----------------+---------------------+\n| Operator         | Id | Details                   | Estimated Rows | Pipeline            |\n+------------------+----+---------------------------+----------------+---------------------+\n| +ProduceResults  |  0 | `n.name`                  |              1 |                     |\n| |                +----+---------------------------+----------------+                     |\n| +Projection      |  1 | cache[n.name] AS `n.name` |              1 |                     |\n| |                +----+---------------------------+----------------+                     |\n| +Filter          |  2 | cache[n.name] = $name     |              1 |                     |\n| |                +----+---------------------------+----------------+                     |\n| +NodeByLabelScan |  3 | n:Person                  |             10 | Fused in Pipeline 0 |\n+------------------+----+---------------------------+----------------+---------------------+\n\nTotal database accesses: ?\n",
              "runtime": "PIPELINED",
              "runtime-impl": "PIPELINED",
              "version": "5",
              "batch-size": 128,
              "Details": "`n.name`",
              "planner-version": "2025.10",
              "PipelineInfo": "Fused in Pipeline 0",
              "runtime-version": "2025.10",
              "Id": 0,
              "EstimatedRows": 0.5,
              "planner": "COST"
            },
            "identifiers": [
              "n",
              "`n.name`"
            ],
            "children": [
              {
                "operatorType": "Projection@neo4j",
                "arguments": {
                  "Details": "cache[n.name] AS `n.name`",
                  "Id": 1,
                  "EstimatedRows": 0.5,
                  "PipelineInfo": "Fused in Pipeline 0"
                },
                "identifiers": [
                  "n",
                  "`n.name`"
                ],
                "children": [
                  {
                    "operatorType": "Filter@neo4j",
                    "arguments": {
                      "Details": "cache[n.name] = $name",
                      "Id": 2,
                      "EstimatedRows": 0.5,
                      "PipelineInfo": "Fused in Pipeline 0"
                    },
                    "identifiers": [
                      "n"
                    ],
                    "children": [
                      {
                        "operatorType": "NodeByLabelScan@neo4j",
                        "arguments": {
                          "Details": "n:Person",
                          "Id": 3,
                          "EstimatedRows": 10.0,
                          "PipelineInfo": "Fused in Pipeline 0"
                        },
                        "identifiers": [
                          "n"
                        ],
                        "children": []
                      }
                    ]
                  }
                ]
              }
            ]
          },
          "bookmarks": [
            "FB:kcwQC685m8YsRuyUSvMWiiQriwKQ"
          ],
          "queryType": "r"
        }
        """;
}
