Console.WriteLine("agg");
