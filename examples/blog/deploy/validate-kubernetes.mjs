// Validates every object of a Kubernetes manifest against the Kubernetes API's own schemas (the kubernetes-models
// package, generated from the API's OpenAPI document), offline: required fields, types and enumerations. Unknown
// fields are not reported (the API's schemas allow them). Exit code 1 when any object is invalid.
//   npm install kubernetes-models@5.1.0 yaml@2 && node validate-kubernetes.mjs kubernetes.yaml
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
let invalid = 0;
let checked = 0;
for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
  if (document.errors.length > 0) {
    console.log(`INVALID YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    invalid++;
    continue;
  }
  const object = document.toJS();
  if (!object) continue;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  const module = group ? `kubernetes-models/${group}/${version}/${object.kind}` : `kubernetes-models/${version}/${object.kind}`;
  const name = `${object.kind}/${object.metadata?.name}`;
  try {
    const model = (await import(module))[object.kind];
    new model(object).validate();
    checked++;
    console.log(`valid ${name}`);
  } catch (e) {
    invalid++;
    console.log(`INVALID ${name}: ${e.message}`);
  }
}
console.log(`${checked} valid, ${invalid} invalid`);
process.exit(invalid > 0 || checked === 0 ? 1 : 0);
