// Temporary entry point while the pipeline is being assembled; replaced by the System.CommandLine host.
return 3;
