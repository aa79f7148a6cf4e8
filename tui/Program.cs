Console.WriteLine("warden");
