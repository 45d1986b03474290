// Errors a user can cause. Each carries where it happened and a Chinese message; the CLI prints
// them once, without a stack trace. Anything else is a bug and may crash loudly.
import { printable } from './text.js';

export interface Location {
  readonly file?: string;
  readonly sheet?: string;
  readonly cell?: string;
}

export class UserError extends Error {
  readonly location: Location;
  constructor(message: string, location: Location = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.location = location;
  }

  /** "文件 › 工作表 › 单元格：消息" */
  describe(): string {
    const where = [this.location.file, this.location.sheet, this.location.cell].filter(Boolean).map((part) => printable(part!));
    return where.length > 0 ? `${where.join(' › ')}：${this.message}` : this.message;
  }
}

/** A return or data file that cannot be read as it is. */
export class DataError extends UserError {}

/** tongbao.config.yaml is missing or invalid. */
export class ConfigError extends UserError {}

/** Bad command-line options. */
export class UsageError extends UserError {}

/** A template that does not compile or renders something unsayable. */
export class TemplateError extends UserError {}

/** The machine lacks something the build needs (a browser, a font package). */
export class EnvironmentError extends UserError {}
