from startup_health.cli import main

main()
