using System.CommandLine;

namespace NetDoctor.Cli.Commands;

/// <summary>One `netdoctor` sub-command. Each is registered in DI and turned into a System.CommandLine command by <see cref="NetDoctorApp"/>.</summary>
public interface ICliCommand
{
    Command Build();
}
