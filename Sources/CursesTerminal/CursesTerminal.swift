/// Owns the terminal: curses set-up and tear-down, events, and presenting a Buffer.
public enum CursesTerminalModule {}
