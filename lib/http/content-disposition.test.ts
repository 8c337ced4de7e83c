import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition";

describe("attachmentDisposition", () => {
  it("keeps plain names and encodes the rest", () => {
    expect(attachmentDisposition("tickets-LT-7K2M9QXD.pdf")).toBe(`attachment; filename="tickets-LT-7K2M9QXD.pdf"; filename*=UTF-8''tickets-LT-7K2M9QXD.pdf`);
    expect(attachmentDisposition("São.pdf")).toBe(`attachment; filename="S_o.pdf"; filename*=UTF-8''S%C3%A3o.pdf`);
  });

  it("cannot break out of the header or name a path", () => {
    const header = attachmentDisposition('a"b\r\nSet-Cookie: x/../..\\y.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).not.toContain("/");
  });
});
