import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * A validation rule: every operation's type (query, mutation, subscription) must be a root type
 * of the schema. graphql-js 16 validates the fields of such an operation against nothing and
 * leaves the refusal to execution, where it has no code ("Schema is not configured to execute
 * subscription operation.") and Apollo would answer INTERNAL_SERVER_ERROR for a client's
 * mistake. As a validation error it is GRAPHQL_VALIDATION_FAILED with HTTP 400, before any work.
 * (graphql-js 17 has this rule as `KnownOperationTypesRule`.)
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  const offered = Object.entries(roots)
    .filter(([, type]) => type)
    .map(([name]) => name);
  return {
    OperationDefinition(node) {
      if (roots[node.operation]) return;
      const name = node.name ? ` "${node.name.value}"` : '';
      context.reportError(
        new GraphQLError(
          `The schema has no ${node.operation} type: expected a ${offered.join(' or ')} operation, received the ${node.operation} operation${name}.`,
          { nodes: node },
        ),
      );
    },
  };
}
