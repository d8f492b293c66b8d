from newsfacts.interfaces.cli import main

main()
