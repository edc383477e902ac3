import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program running in a pseudo-terminal of its own, started with `forkpty`, as a user's
/// terminal emulator would run it. The benchmark plays the terminal: it reads everything
/// the program writes (timing each byte's arrival) and types keys into it.
final class PTYSession {
    let pid: pid_t
    /// The terminal's side of the pseudo-terminal.
    let master: Int32
    /// Just before `forkpty`: the start of "exec to first frame".
    let started: UInt64
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private(set) var exited = false
    private(set) var exitStatus: Int32 = 0

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `executable` (an absolute path) with `arguments` in a `width`x`height`
    /// terminal whose environment is exactly `environment`.
    init(executable: String, arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        // Everything the child needs is allocated before the fork: between fork and exec
        // it may only call execve and _exit.
        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer { argv.free(); envp.free() }
        let path = strdup(executable)!
        defer { Glibc.free(path) }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        var masterFD: Int32 = -1
        started = now()
        let child = forkpty(&masterFD, nil, nil, &size)
        if child == 0 {
            execve(path, argv.pointer, envp.pointer)
            _exit(127)
        }
        guard child > 0 else { throw LaunchError(description: "forkpty failed: \(String(cString: strerror(errno)))") }
        pid = child
        master = masterFD
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if !exited {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// What arrived between a start and a stretch of silence.
    struct Burst {
        var bytes: [UInt8] = []
        /// Arrival time of the first and the last byte (0 when nothing arrived).
        var firstByte: UInt64 = 0
        var lastByte: UInt64 = 0
        /// Number of reads that returned data, and the number of groups of reads
        /// separated by at least `gap`: how many separate frames the program wrote.
        var reads = 0
        var groups = 0
        /// True when the program's side closed (it exited).
        var closed = false
        /// True when output never went quiet before the limit.
        var timedOut = false
        /// Arrival time of the read that completed `marker`, when one was asked for.
        var markerSeen: UInt64?

        var count: Int { bytes.count }
    }

    /// Reads until nothing has arrived for `quiet` nanoseconds (counted from `since`
    /// while nothing has arrived yet), or until `limit` nanoseconds after `since`.
    /// Reads separated by more than `gap` count as separate groups.
    func readUntilQuiet(quiet: UInt64, since: UInt64, limit: UInt64, gap: UInt64 = 1_000_000,
                        marker: [UInt8]? = nil, waitForFirstByte: Bool = false) -> Burst {
        var burst = Burst()
        let deadline = since + limit
        while true {
            let current = now()
            let reference = burst.lastByte == 0 ? (waitForFirstByte ? deadline - quiet : since) : burst.lastByte
            let quietEnd = min(reference + quiet, deadline)
            if current >= quietEnd {
                burst.timedOut = current >= deadline && !(burst.lastByte != 0 && current >= burst.lastByte + quiet)
                return burst
            }
            // poll waits in whole milliseconds: round up, and let the loop re-check the clock.
            let timeout = Int32((quietEnd - current + 999_999) / 1_000_000)
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            let arrived = now()
            if count > 0 {
                if burst.lastByte == 0 || arrived - burst.lastByte > gap { burst.groups += 1 }
                if burst.firstByte == 0 { burst.firstByte = arrived }
                burst.lastByte = arrived
                burst.reads += 1
                burst.bytes.append(contentsOf: buffer[0..<count])
                if let marker, burst.markerSeen == nil, contains(burst.bytes, marker, lookingBack: count + marker.count) {
                    burst.markerSeen = arrived
                }
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                // EIO: every copy of the terminal's other side is closed; the program is gone.
                burst.closed = true
                return burst
            }
        }
    }

    /// Types `bytes` into the terminal in one write.
    func type(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else if errno != EAGAIN && errno != EINTR { return }
        }
    }

    /// A line of /proc/PID/status in kB (VmHWM is the peak resident set size).
    func status(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).filter(\.isNumber))
        }
        return nil
    }

    /// Types `quitKeys`, keeps reading (a program blocked on a full terminal cannot
    /// exit), and reaps the process; kills it if it has not exited within `timeout`
    /// nanoseconds. Returns true when it exited by itself with status 0.
    @discardableResult
    func quit(_ quitKeys: [UInt8], timeout: UInt64 = 3_000_000_000) -> Bool {
        if !quitKeys.isEmpty { type(quitKeys) }
        let deadline = now() + timeout
        while now() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                exitStatus = status
                return (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0
            }
            _ = readUntilQuiet(quiet: 5_000_000, since: now(), limit: 5_000_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exited = true
        exitStatus = status
        return false
    }
}

/// True when `needle` occurs in the last `lookingBack` bytes of `haystack`.
func contains(_ haystack: [UInt8], _ needle: [UInt8], lookingBack: Int) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    let start = max(0, haystack.count - lookingBack)
    var index = start
    while index + needle.count <= haystack.count {
        if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
        index += 1
    }
    return false
}

/// A NULL-terminated array of C strings, for execve.
struct CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointer[index] = strdup(string) }
        pointer[strings.count] = nil
    }

    func free() {
        for index in 0..<count { Glibc.free(pointer[index]) }
        pointer.deallocate()
    }
}
