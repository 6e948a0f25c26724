// Placeholder entry point; the command line is built by the emulator work (issue 2).
System.Console.Error.WriteLine("not yet built");
return 2;
