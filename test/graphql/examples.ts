import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type ASTNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

export interface ExampleOperation {
  readonly name: string;
  /** The operation alone, with the fragments it uses, ready to send. */
  readonly document: string;
}

/** Every named operation in schema/examples.graphql. */
export function exampleOperations(file = 'schema/examples.graphql'): ExampleOperation[] {
  const doc = parse(readFileSync(file, 'utf8'));
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => {
      if (!op.name) throw new Error(`${file}: every example operation needs a name`);
      return { name: op.name.value, document: [print(op), ...usedFragments(op, fragments).map((f) => print(f))].join('\n\n') };
    });
}

/** The fragments an operation spreads, directly or through other fragments (GraphQL refuses unused ones). */
function usedFragments(op: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: ASTNode): void => {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || used.has(fragment.name.value)) return;
        used.set(fragment.name.value, fragment);
        walk(fragment);
      },
    });
  };
  walk(op);
  return [...used.values()];
}
