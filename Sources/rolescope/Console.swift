#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleReports
import TerminalKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where plain-text output goes, and how wide and capable the terminal behind it is.
enum Console {
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width to wrap text to: the terminal's, or 80 when output is not a terminal.
    static var width: Int {
        if isTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(columns), value > 0 { return value }
        return 80
    }

    /// True when the locale can show Unicode box drawing and bullets.
    static var unicode: Bool {
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        return locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
    }

    /// Writes to standard output. Everything the plain commands print passes through here
    /// and through `Sanitizer`: documents are sanitized as they are rendered, but prompts,
    /// messages and anything quoting the user's input or content are caught here too, so
    /// no path can hand the terminal a control sequence. (JSON is escaped when it is
    /// encoded, so it passes unchanged.)
    static func write(_ text: String) {
        writeAll(STDOUT_FILENO, Sanitizer.clean(text))
    }

    /// Writes a message line to standard error, sanitized like `write`.
    static func error(_ text: String) {
        let clean = Sanitizer.clean(text)
        writeAll(STDERR_FILENO, clean.hasSuffix("\n") ? clean : clean + "\n")
    }

    /// Every byte of `text` to `descriptor`, unbuffered, as FileHandle wrote it.
    private static func writeAll(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let count = writeBytes(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                done += count
            }
        }
    }

    /// The width documents written to a file are wrapped to: $COLUMNS, or 80.
    static var fileWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(columns), value > 0 { return value }
        return 80
    }

    /// A document in the chosen format (JSON is produced separately by the caller).
    static func render(_ document: Document, format: OutputFormat, width: Int) -> String {
        switch format {
        case .markdown: return MarkdownRenderer().render(document)
        default:
            let text = TextRenderer(width: width, unicode: unicode).render(document)
            // Outside a UTF-8 locale the content's own dashes, dots and quotes (09:00–09:45 ·
            // 45m) would reach the terminal as bytes it cannot show: use ASCII, as the app does.
            return unicode ? text : String(text.map(Glyphs.asciiLookalike))
        }
    }

    /// Prints a document in the chosen format to standard output.
    static func print(_ document: Document, format: OutputFormat) {
        write(render(document, format: format, width: width))
    }
}

/// The C library's `write`, which `Console.write` hides inside the enum.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
