using Ebm.Cli;

return EbmCommand.Run(args, Console.Out, Console.Error);
