import { readFileSync } from 'node:fs';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

export interface ExampleOperation {
  readonly name: string;
  /** The operation alone, with the fragments it uses, ready to send. */
  readonly document: string;
}

/** Every named operation in schema/examples.graphql. */
export function exampleOperations(file = 'schema/examples.graphql'): ExampleOperation[] {
  const doc = parse(readFileSync(file, 'utf8'));
  const fragments = doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => print(d));
  return doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => {
      if (!op.name) throw new Error(`${file}: every example operation needs a name`);
      return { name: op.name.value, document: [print(op), ...fragments].join('\n\n') };
    });
}
