type AddressOptions = { hostname?: string; interfaces?: NodeJS.Dict<import("node:os").NetworkInterfaceInfo[]>; appUrl?: string };
export function machineHostnames(options?: AddressOptions): string[];
export function machineUrls(port: number, options?: AddressOptions): string[];
