import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { execute, type ExecutionResult } from 'graphql';
import { createContext, type Context } from '../../src/graphql/context';
import type { OperationExecutor, OperationToRun } from '../../src/graphql/compiled-executor';
import { createSchema } from '../../src/graphql/schema';
import { executorGateway } from '../../src/server/executor-gateway';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';

// Apollo Server hands each operation, once parsed and validated, to the gateway's executor
// (src/server/executor-gateway.ts): with the document, the operation name, the variables and the
// request's context, and the executor's answer is what the client gets.
describe('executor gateway', () => {
  it('hands Apollo’s validated operations to the executor, with variables and context, and answers with its result', async () => {
    const schema = await createSchema();
    const seen: OperationToRun[] = [];
    const executor: OperationExecutor = async (operation) => {
      seen.push(operation);
      const result = (await execute({ schema, ...operation, variableValues: operation.variableValues ?? undefined })) as ExecutionResult;
      return { ...result, extensions: { executedBy: 'gateway' } };
    };
    const apollo = new ApolloServer<Context>({ gateway: executorGateway(schema, executor) });
    await apollo.start();
    try {
      const contextValue = createContext(new MemoryStore(seedDataset()));
      const response = await apollo.executeOperation(
        { query: 'query One($id: ID!) { entity(id: $id) { id name } }', operationName: 'One', variables: { id: 'usmca' } },
        { contextValue },
      );
      expect(response.body.kind).toBe('single');
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect(result?.data).toEqual({ entity: { id: 'usmca', name: expect.any(String) } });
      expect(result?.extensions).toEqual({ executedBy: 'gateway' });
      expect(seen).toHaveLength(1);
      expect(seen[0].operationName).toBe('One');
      expect(seen[0].variableValues).toEqual({ id: 'usmca' });
      // Apollo passes a copy of the context it was given: the same store and loaders.
      expect(seen[0].contextValue.store).toBe(contextValue.store);
      expect(seen[0].contextValue.loaders).toBe(contextValue.loaders);

      // An invalid operation never reaches the executor.
      const invalid = await apollo.executeOperation({ query: '{ entity(id: "usmca") { nope } }' }, { contextValue });
      expect(invalid.body.kind === 'single' && invalid.body.singleResult.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(seen).toHaveLength(1);
    } finally {
      await apollo.stop();
    }
  });
});
