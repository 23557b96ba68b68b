import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { collect, failures, tempTree } from "./fixtures.js";

const tree = {
  "b.txt": "Второй.",
  "a.txt": "Первый.",
  "README.md": "# not a document",
  "notes.docx": "nope",
  ".hidden.txt": "скрытый",
  ".git/x.txt": "скрытый",
  "sub/z.TXT": "Третий.",
  "sub/deeper/page.htm": "<p>Четвёртый.</p>",
  "sub/empty.txt": "",
  "sub/a.jsonl": '{"text":"Пятый."}\n',
};

describe("walking the inputs", () => {
  it("yields documents in sorted order, skipping hidden and non-input files, paths relative to the input folder", async () => {
    const t = tempTree(tree);
    try {
      const items = await collect([t.dir]);
      const paths = items.map((i) => (i.ok ? i.doc.source.path : i.failed.source.path));
      expect(paths).toEqual(["a.txt", "b.txt", "sub/a.jsonl", "sub/deeper/page.htm", "sub/empty.txt", "sub/z.TXT"]);
      expect(failures(items).map((f) => f.code)).toEqual(["ingest.empty"]); // one bad file does not stop the walk
    } finally {
      t.cleanup();
    }
  });

  it("gives a file named directly its basename, and reports missing or unsupported inputs", async () => {
    const t = tempTree(tree);
    try {
      const items = await collect([join(t.dir, "sub/z.TXT"), join(t.dir, "missing.txt"), join(t.dir, "notes.docx"), join(t.dir, "sub")]);
      const got = items.map((i) => (i.ok ? `ok:${i.doc.source.path}` : `${i.failed.code}:${i.failed.source.path}`));
      expect(got).toEqual([
        "ok:z.TXT",
        "ingest.unreadable:missing.txt",
        "ingest.unsupported:notes.docx",
        "ok:a.jsonl",
        "ok:deeper/page.htm",
        "ingest.empty:empty.txt",
        "ok:z.TXT",
      ]);
      expect(failures(items)[0].error).toMatch(/^missing\.txt: cannot read: /);
    } finally {
      t.cleanup();
    }
  });
});
